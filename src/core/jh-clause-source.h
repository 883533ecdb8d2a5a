/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jh-types.h"

G_BEGIN_DECLS

#define JH_TYPE_CLAUSE_SOURCE (jh_clause_source_get_type ())

/**
 * JhClauseSource:
 * @file: (nullable): the name of the file the wording was found in
 * @document: (nullable): the title of the document
 * @organization: (nullable): who issued it
 * @year: the year of the document, 0 when it does not state one
 * @kind: the kind of section the wording was in
 * @has_kind: whether @kind is known
 *
 * One document a clause's wording was found in.  A clause harvested from
 * five years of plans has five sources.
 */
typedef struct
{
  char          *file;
  char          *document;
  char          *organization;
  guint          year;
  JhSectionKind  kind;
  gboolean       has_kind;
} JhClauseSource;

GType           jh_clause_source_get_type  (void) G_GNUC_CONST;
JhClauseSource *jh_clause_source_new       (const char           *file,
                                            const char           *document,
                                            const char           *organization,
                                            guint                 year);
JhClauseSource *jh_clause_source_copy      (const JhClauseSource *source);
void            jh_clause_source_free      (JhClauseSource       *source);
void            jh_clause_source_set_kind  (JhClauseSource       *source,
                                            JhSectionKind         kind);
gboolean        jh_clause_source_same_document (const JhClauseSource *a,
                                                const JhClauseSource *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhClauseSource, jh_clause_source_free)

G_END_DECLS
