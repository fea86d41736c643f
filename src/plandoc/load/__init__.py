"""Loading: raw records from the readers → validated models, with every rule run."""
