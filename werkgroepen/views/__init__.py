"""Pages of the work group's own administration, split by subdomain.

Every view gets the ``werkgroep`` URL kwarg and ignores it: the middleware has resolved it to
``request.werkgroep``; objects are fetched through it (``request.werkgroep.leden.get(pk=...)``).
"""
