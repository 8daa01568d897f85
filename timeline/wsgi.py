"""
WSGI config for timeline project.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/6.1/howto/deployment/wsgi/
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")

application = get_wsgi_application()

# What loading the app made lives as long as the worker: kept out of the cyclic
# collector's full passes, which would otherwise walk it all (~30 ms here) every few
# requests that allocate much, such as an export. (gc.freeze, Python 3.7+.)
gc.collect()
gc.freeze()
