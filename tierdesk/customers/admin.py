from django.contrib import admin

from tierdesk.customers.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ("name", "email_domain", "is_key_account", "account_manager")
    list_filter = ("is_key_account",)
    search_fields = ("name", "email_domain")
    list_select_related = ("account_manager",)
