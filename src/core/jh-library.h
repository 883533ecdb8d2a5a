/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-clause.h"
#include "jh-rule.h"
#include "jh-xml.h"

G_BEGIN_DECLS

#define JH_LIBRARY_NAMESPACE      "http://jihua.github.io/ns/library"
#define JH_LIBRARY_FORMAT_VERSION "1"
#define JH_LIBRARY_MIME_TYPE      "application/x-jihua-library+xml"
#define JH_LIBRARY_FILE_SUFFIX    ".jhlib"

#define JH_TYPE_LIBRARY (jh_library_get_type ())

G_DECLARE_FINAL_TYPE (JhLibrary, jh_library, JH, LIBRARY, GObject)

JhLibrary          *jh_library_new                 (const char    *title);
JhLibrary          *jh_library_new_builtin         (void);
JhLibrary          *jh_library_load_from_bytes     (GBytes        *bytes,
                                                    const char    *display_name,
                                                    GError       **error);
JhLibrary          *jh_library_load_from_file      (GFile         *file,
                                                    GCancellable  *cancellable,
                                                    GError       **error);

const char         *jh_library_get_name            (JhLibrary     *self);
const char         *jh_library_get_title           (JhLibrary     *self);
const char         *jh_library_get_organization    (JhLibrary     *self);
const char         *jh_library_get_description     (JhLibrary     *self);
guint               jh_library_get_version         (JhLibrary     *self);
GFile              *jh_library_get_file            (JhLibrary     *self);
gboolean            jh_library_is_builtin          (JhLibrary     *self);

GListModel         *jh_library_get_clauses         (JhLibrary     *self);
GListModel         *jh_library_get_rules           (JhLibrary     *self);
const char * const *jh_library_get_disabled_rules  (JhLibrary     *self);
JhClause           *jh_library_find_clause         (JhLibrary     *self,
                                                    const char    *id);
JhRule             *jh_library_find_rule           (JhLibrary     *self,
                                                    const char    *id);
void                jh_library_add_clause          (JhLibrary     *self,
                                                    JhClause      *clause);
gboolean            jh_library_replace_clause      (JhLibrary     *self,
                                                    JhClause      *clause);
gboolean            jh_library_remove_clause       (JhLibrary     *self,
                                                    const char    *id);
JhLibrary          *jh_library_new_for_file        (GFile         *file,
                                                    const char    *title);
GFile              *jh_library_dup_user_file       (void);
gboolean            jh_library_save                (JhLibrary     *self,
                                                    GCancellable  *cancellable,
                                                    GError       **error);

gboolean            jh_library_test                (JhLibrary     *self,
                                                    GPtrArray    **failures);

G_END_DECLS
