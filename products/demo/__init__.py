"""Sample content for demonstrations: the data, the pictures drawn for it and the loader
behind `manage.py load_demo`."""
