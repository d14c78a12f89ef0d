"""``studio bench``: which model, and how many attempts, make playable games.

Every model × prompt × sample runs the make pipeline's attempt (``studio.attempts``):
request, verify, up to R repair rounds; the first verdict and the one after repairs are
both kept. ``stats`` turns the samples into playable@k, ``store`` keeps the folder
(resumable), ``html`` writes the report page, ``runner`` runs it all concurrently.
"""
