"""Placeholder: filled in by its subdomain."""
