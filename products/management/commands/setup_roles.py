from django.core.management.base import BaseCommand

from products.producer_access import setup_roles


class Command(BaseCommand):
    help = "Give the centre's staff groups their permissions and set up producer moderation."

    def handle(self, **options):
        workflow = setup_roles()
        self.stdout.write(f"Staff permissions set; workflow {workflow.name!r} on producers.")
