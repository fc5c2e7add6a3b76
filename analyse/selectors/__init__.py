"""Reads of the safety analysis, split by subdomain (``enquete``, ...); views, checks and services use them."""
