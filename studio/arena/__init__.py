"""The arena: blind pairwise votes between games made for the same prompt by different
sources, and the Bradley-Terry leaderboard they add up to (``studio arena``).

``ratings`` (the fit), ``votes`` (the vote file), ``pool`` (the games and their sources),
``pairs`` (which two to show), ``screen`` (the pygame screen), ``board`` (the leaderboard),
``judge`` (a vision model's votes), ``page`` (the leaderboard web page).
"""
