/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-clause-index.h"
#include "jh-library.h"

G_BEGIN_DECLS

#define JH_TYPE_LIBRARY_SET (jh_library_set_get_type ())

G_DECLARE_FINAL_TYPE (JhLibrarySet, jh_library_set, JH, LIBRARY_SET, GObject)

JhLibrarySet  *jh_library_set_new                (void);
void           jh_library_set_append             (JhLibrarySet         *self,
                                                  JhLibrary            *library);
JhLibrarySet  *jh_library_set_load               (gboolean              with_builtin,
                                                  GFile                *user_library,
                                                  GPtrArray            *extra_libraries,
                                                  GPtrArray           **errors,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void           jh_library_set_load_async         (gboolean              with_builtin,
                                                  GFile                *user_library,
                                                  GPtrArray            *extra_libraries,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
JhLibrarySet  *jh_library_set_load_finish        (GAsyncResult         *result,
                                                  GPtrArray           **errors,
                                                  GError              **error);

JhLibrary     *jh_library_set_get_user_library   (JhLibrarySet         *self);
GPtrArray     *jh_library_set_dup_errors         (JhLibrarySet         *self);
void           jh_library_set_start_watching     (JhLibrarySet         *self);
void           jh_library_set_stop_watching      (JhLibrarySet         *self);
void           jh_library_set_reload_extra_libraries (JhLibrarySet     *self);
GListModel    *jh_library_set_get_clauses        (JhLibrarySet         *self);
GListModel    *jh_library_set_get_rules          (JhLibrarySet         *self);
JhClause      *jh_library_set_find_clause        (JhLibrarySet         *self,
                                                  const char           *id);
JhRule        *jh_library_set_find_rule          (JhLibrarySet         *self,
                                                  const char           *id);
JhClauseIndex *jh_library_set_get_index          (JhLibrarySet         *self);
GArray        *jh_library_set_find_similar       (JhLibrarySet         *self,
                                                  const char           *text,
                                                  double                threshold);

G_END_DECLS
