"""The bench's verifier on a Dask cluster (``--cluster``): ``studio.verdicts.cluster``'s,
given the verifier's own pieces."""

from __future__ import annotations

from studio.verdicts import api
from studio.verdicts.cluster import ClusterVerifier


def cluster_verifier(address: str) -> ClusterVerifier:
    """Verdicts made by the workers of the Dask scheduler at ``address``."""
    return ClusterVerifier(address, job=api._verify_job, read=api._read)
