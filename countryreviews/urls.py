app_name = "countryreviews"

urlpatterns = []
