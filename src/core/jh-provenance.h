/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define JH_TYPE_PROVENANCE (jh_provenance_get_type ())

/**
 * JhProvenance:
 *
 * Where a piece of reused text came from: a clause of a library (its id
 * and version), a prior document (its file and year), or both.  It is
 * immutable; a change of provenance replaces the whole value.
 */
typedef struct _JhProvenance JhProvenance;

GType         jh_provenance_get_type           (void) G_GNUC_CONST;
JhProvenance *jh_provenance_new                (const char         *clause_id,
                                                guint               clause_version,
                                                const char         *source,
                                                guint               source_year);
JhProvenance *jh_provenance_ref                (JhProvenance       *self);
void          jh_provenance_unref              (JhProvenance       *self);
const char   *jh_provenance_get_clause_id      (const JhProvenance *self);
guint         jh_provenance_get_clause_version (const JhProvenance *self);
const char   *jh_provenance_get_source         (const JhProvenance *self);
guint         jh_provenance_get_source_year    (const JhProvenance *self);
gboolean      jh_provenance_equal              (const JhProvenance *a,
                                                const JhProvenance *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhProvenance, jh_provenance_unref)

G_END_DECLS
