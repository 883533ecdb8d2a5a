/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-clause.h"
#include "jh-clause-index-private.h"
#include "jh-library.h"

G_BEGIN_DECLS

#define JH_BUILTIN_LIBRARY_RESOURCE "/io/github/jihua/Jihua/core/builtin.jhlib"

void       _jh_clause_set_library       (JhClause              *self,
                                         JhLibrary             *library);
GPtrArray *_jh_clause_peek_sources      (JhClause              *self);
JhLibrary *_jh_library_load_indexing    (GFile                 *file,
                                         JhClauseIndexBuilder  *builder,
                                         GCancellable          *cancellable,
                                         GError               **error);

G_END_DECLS
