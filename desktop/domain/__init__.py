"""The vocabulary shared by every layer: records, values, enums, messages and errors.

Standard library only; nothing here does I/O.
"""
