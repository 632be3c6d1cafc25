"""Data safety and privacy: durable writes, one writer, checks, backups, audit log and GDPR duties."""
