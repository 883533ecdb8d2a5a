/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-node-private.h"
#include "jh-provenance.h"

struct _JhProvenance
{
  char  *clause_id;
  char  *source;
  guint  clause_version;
  guint  source_year;
};

G_DEFINE_BOXED_TYPE (JhProvenance, jh_provenance, jh_provenance_ref, jh_provenance_unref)

static void
jh_provenance_free (JhProvenance *self)
{
  g_free (self->clause_id);
  g_free (self->source);
}

/**
 * jh_provenance_new:
 * @clause_id: (nullable): the id of a library clause
 * @clause_version: the clause's version, or 0
 * @source: (nullable): the document the text was taken from
 * @source_year: that document's year, or 0
 *
 * Returns: (transfer full) (nullable): a new provenance, or %NULL when
 *   nothing is known of the text's origin
 */
JhProvenance *
jh_provenance_new (const char *clause_id,
                   guint       clause_version,
                   const char *source,
                   guint       source_year)
{
  JhProvenance *self;

  if ((clause_id == NULL || *clause_id == '\0') &&
      (source == NULL || *source == '\0') &&
      source_year == 0)
    return NULL;

  self = g_atomic_rc_box_new0 (JhProvenance);
  self->clause_id = (clause_id && *clause_id) ? _jh_sanitize_text (clause_id, TRUE) : NULL;
  self->clause_version = self->clause_id ? clause_version : 0;
  self->source = (source && *source) ? _jh_sanitize_text (source, TRUE) : NULL;
  self->source_year = source_year;

  return self;
}

JhProvenance *
jh_provenance_ref (JhProvenance *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
jh_provenance_unref (JhProvenance *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) jh_provenance_free);
}

const char *
jh_provenance_get_clause_id (const JhProvenance *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->clause_id;
}

guint
jh_provenance_get_clause_version (const JhProvenance *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->clause_version;
}

const char *
jh_provenance_get_source (const JhProvenance *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->source;
}

guint
jh_provenance_get_source_year (const JhProvenance *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->source_year;
}

gboolean
jh_provenance_equal (const JhProvenance *a,
                     const JhProvenance *b)
{
  if (a == b)
    return TRUE;

  if (a == NULL || b == NULL)
    return FALSE;

  return g_strcmp0 (a->clause_id, b->clause_id) == 0 &&
         a->clause_version == b->clause_version &&
         g_strcmp0 (a->source, b->source) == 0 &&
         a->source_year == b->source_year;
}
