"""Workbook schemas: the sheets and columns of programme and project workbooks."""
