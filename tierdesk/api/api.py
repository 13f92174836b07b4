from ninja import NinjaAPI

api = NinjaAPI(title="tierdesk API", version="1", urls_namespace="api")
