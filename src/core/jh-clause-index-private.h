/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-clause-index.h"

G_BEGIN_DECLS

/* Builds an index in a thread of its own while its texts are still being
 * read: see jh-clause-index.c.
 */
typedef struct _JhClauseIndexBuilder JhClauseIndexBuilder;

JhClauseIndexBuilder *_jh_clause_index_builder_new    (void);
void                  _jh_clause_index_builder_add    (JhClauseIndexBuilder *builder,
                                                       gpointer              item,
                                                       const char           *text);
JhClauseIndex        *_jh_clause_index_builder_finish (JhClauseIndexBuilder *builder);
void                  _jh_clause_index_keep_only      (JhClauseIndex        *self,
                                                       GHashTable           *items);
void                  _jh_clause_index_builder_free   (JhClauseIndexBuilder *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhClauseIndexBuilder, _jh_clause_index_builder_free)

G_END_DECLS
