"""Key slots, passphrases, recovery key and the OS keyring."""
