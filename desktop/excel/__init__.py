"""Reading and writing workbooks with openpyxl. Built by the Excel issue."""
