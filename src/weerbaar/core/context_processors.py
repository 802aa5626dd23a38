from django.conf import settings


def municipality(request):
    return {
        "municipality_name": settings.MUNICIPALITY_NAME,
        "municipality_code": settings.MUNICIPALITY_CODE,
    }
