from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AnnualMeetingReminder, BudgetLine, Strategy


@admin.register(Strategy)
class StrategyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "start_year", "end_year", "version", "status", "adopted_on"]
    list_filter = ["status"]
    readonly_fields = ["revises", "adopted_by", "created_by"]


@admin.register(BudgetLine)
class BudgetLineAdmin(SimpleHistoryAdmin):
    list_display = ["activity", "year", "item", "currency", "planned", "secured", "spent", "illustrative"]
    list_filter = ["currency", "year", "illustrative"]


@admin.register(AnnualMeetingReminder)
class AnnualMeetingReminderAdmin(admin.ModelAdmin):
    list_display = ["year", "sent_at", "recipients"]
