from django.contrib import admin

from tierdesk.customers.models import Organisation
from tierdesk.routing.models import CustomerTier


class CustomerTierInline(admin.StackedInline[CustomerTier, Organisation]):
    """Loyalty tier and VIP status, read by the routing rules and the key-account policy."""

    model = CustomerTier
    fk_name = "organisation"
    fields = ("loyalty_tier", "is_vip")
    extra = 0
    max_num = 1


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ("name", "email_domain", "is_key_account", "account_manager", "loyalty_tier")
    list_filter = ("is_key_account", "routing_tier__loyalty_tier", "routing_tier__is_vip")
    search_fields = ("name", "email_domain")
    list_select_related = ("account_manager", "routing_tier")
    inlines = (CustomerTierInline,)

    @admin.display(description=CustomerTier._meta.get_field("loyalty_tier").verbose_name)
    def loyalty_tier(self, obj: Organisation) -> str:
        tier = getattr(obj, "routing_tier", None)
        if tier is None:
            return "–"
        label = str(tier.get_loyalty_tier_display())
        return f"{label}, VIP" if tier.is_vip else label
