/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-clause-source.h"

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

G_DEFINE_BOXED_TYPE (JhClauseSource, jh_clause_source, jh_clause_source_copy, jh_clause_source_free)

/**
 * jh_clause_source_new:
 * @file: (nullable): the file's name
 * @document: (nullable): the document's title
 * @organization: (nullable): who issued the document
 * @year: its year, or 0
 *
 * Empty strings are taken as unknown (%NULL), as a library file has
 * no attribute for them.
 *
 * Returns: (transfer full): a new source, of no known kind of section
 */
JhClauseSource *
jh_clause_source_new (const char *file,
                      const char *document,
                      const char *organization,
                      guint       year)
{
  JhClauseSource *source = g_new0 (JhClauseSource, 1);

  source->file = dup_nonempty (file);
  source->document = dup_nonempty (document);
  source->organization = dup_nonempty (organization);
  source->year = year;

  return source;
}

JhClauseSource *
jh_clause_source_copy (const JhClauseSource *source)
{
  JhClauseSource *copy;

  g_return_val_if_fail (source != NULL, NULL);

  copy = jh_clause_source_new (source->file, source->document, source->organization, source->year);
  copy->kind = source->kind;
  copy->has_kind = source->has_kind;

  return copy;
}

void
jh_clause_source_free (JhClauseSource *source)
{
  if (source == NULL)
    return;

  g_free (source->file);
  g_free (source->document);
  g_free (source->organization);
  g_free (source);
}

void
jh_clause_source_set_kind (JhClauseSource *source,
                           JhSectionKind   kind)
{
  g_return_if_fail (source != NULL);

  source->kind = kind;
  source->has_kind = TRUE;
}

/**
 * jh_clause_source_same_document:
 * @a: a source
 * @b: another source
 *
 * Whether two sources are the same document: same title, organization
 * and year.  The same plan saved as text and as DOCX is one document in
 * two files, and counts once.
 *
 * Returns: whether @a and @b name the same document
 */
gboolean
jh_clause_source_same_document (const JhClauseSource *a,
                                const JhClauseSource *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->document, b->document) == 0 &&
         g_strcmp0 (a->organization, b->organization) == 0 &&
         a->year == b->year;
}
