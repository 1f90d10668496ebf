"""Case screens: dashboard, case list, case file, intake form, extension and refusal dialogs."""

from .case_file import CaseFileView
from .case_list import CaseListPage
from .dashboard import DashboardPage
from .dialogs_case import DispatchDialog, UnfoundedDialog
from .dialogs_extension import ExtensionDialog, RefusalDialog
from .intake import IntakeWizard
from .labels import due_soon_summary
from .models import CaseFilterProxy, CaseTableModel

__all__ = [
    "CaseFileView",
    "CaseFilterProxy",
    "CaseListPage",
    "CaseTableModel",
    "DashboardPage",
    "DispatchDialog",
    "ExtensionDialog",
    "IntakeWizard",
    "RefusalDialog",
    "UnfoundedDialog",
    "due_soon_summary",
]
