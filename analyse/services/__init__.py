"""Writes of the safety analysis, split by subdomain: ``enquete`` (the builder), ``uitnodigingen``
(invitations, reminders, paper entry), ``reacties`` (an entrepreneur's response), ``cijfers``,
``schouw`` and ``conclusie``. Keyword-only functions ``<entity>_<action>(*, actor, ...)`` that
validate, write in one transaction and log."""
