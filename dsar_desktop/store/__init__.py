"""The encrypted register: connection, migrations, repositories, audit log, backups."""
