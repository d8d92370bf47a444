"""Translation engines, registered by name and imported only when used."""
