from django.core.management.base import BaseCommand

from products.inquiries import resend_pending


class Command(BaseCommand):
    help = "E-mail again the buyer inquiries whose sending failed (run it from cron)."

    def handle(self, **options):
        sent, failed = resend_pending()
        self.stdout.write(f"Resent {sent} inquiries; {failed} still failing.")
