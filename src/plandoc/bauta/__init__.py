"""The bauta anthology: submission forms, reading, the book, its page budget and web edition."""
