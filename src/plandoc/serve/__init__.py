"""`plandoc serve`: a web page where each municipality uploads workbooks, gets documents."""
