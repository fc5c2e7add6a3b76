"""Everything that writes the plan of approach and its evaluations: validate, write, log."""
