"""Pure rules of the register: entities, deadlines, identity, matching; no I/O."""
