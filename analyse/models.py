"""Models of this app arrive with its issue; the readiness check answers its rules `open` until then."""
