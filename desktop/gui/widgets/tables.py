"""The read-only record tables' common setup: rows selected whole, sortable, not editable,
columns the user can resize, no row numbers, no wrapping."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def set_up_record_table(table: QTableView, model, sort_column: int, order: Qt.SortOrder,
                        multiple: bool = False) -> None:
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(sort_column, order)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multiple
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)


def select_source_row(table: QTableView, proxy, model, row: int) -> bool:
    """Select the model's `row` (source numbering) through the sort/filter proxy and scroll to
    it; False when the row is not there or the filter hides it."""
    index = proxy.mapFromSource(model.index(row, 0)) if row >= 0 else None
    if index is None or not index.isValid():
        return False
    table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
    table.setCurrentIndex(index)
    table.scrollTo(index)
    return True
