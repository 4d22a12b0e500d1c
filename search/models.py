"""What the database keeps for search: every document (the database backend searches these
rows, and they are the fallback when the engine is down) and the changes the engine missed."""

from django.db import models


class SearchRecord(models.Model):
    """One indexed document. Text columns hold normalised words between spaces, so a word or
    a word's beginning is a plain substring match on every database."""

    key = models.CharField(max_length=40, unique=True)  # "product-12", "producer-3"
    kind = models.CharField(max_length=10, db_index=True)
    title_folded = models.TextField()
    title_exact = models.TextField()
    text_folded = models.TextField()
    text_exact = models.TextField()
    sort_name = models.CharField(max_length=255, db_index=True)
    newest_year = models.PositiveSmallIntegerField(default=0)
    document = models.JSONField()

    class Meta:
        indexes = [models.Index(fields=["kind", "sort_name"])]  # browsing without a query

    def __str__(self):
        return self.key


class SearchWord(models.Model):
    """A folded word of a record's text: the database backend's inverted index, so finding
    the records with a word, or a word's beginning, is an index lookup, not a text scan."""

    MAX_LENGTH = 100

    record = models.ForeignKey(SearchRecord, on_delete=models.CASCADE, related_name="words")
    word = models.CharField(max_length=MAX_LENGTH)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["word", "record"], name="unique_word")]

    def __str__(self):
        return f"{self.record_id} {self.word}"


class SearchFacetValue(models.Model):
    """One facet value of a record, so the database backend filters and counts facets in SQL
    instead of reading every matching row."""

    record = models.ForeignKey(SearchRecord, on_delete=models.CASCADE, related_name="facet_values")
    field = models.CharField(max_length=20)
    value = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record", "field", "value"], name="unique_facet_value")
        ]
        indexes = [models.Index(fields=["field", "value", "record"])]  # covers filter and count

    def __str__(self):
        return f"{self.record_id} {self.field}={self.value}"


class PendingIndexChange(models.Model):
    """An index update the engine has not taken yet: queued with every change, sent by the
    task worker, and kept (with the error) while the engine is unreachable, until the
    periodic replay or `search_index sync` sends it. So no change is lost."""

    class Action(models.TextChoices):
        UPSERT = "upsert"
        DELETE = "delete"

    key = models.CharField(max_length=40, unique=True)
    action = models.CharField(max_length=6, choices=Action.choices)
    recorded_at = models.DateTimeField(auto_now=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self):
        return f"{self.action} {self.key}"
