/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_CLAUSE_BROWSER (jh_clause_browser_get_type ())

G_DECLARE_FINAL_TYPE (JhClauseBrowser, jh_clause_browser, JH, CLAUSE_BROWSER, AdwWindow)

/**
 * JhClauseInsertFunc:
 * @clause: the clause chosen
 * @as_task: whether the user asked for a new task rather than a paragraph
 * @user_data: the data given with the function
 *
 * Puts @clause in the plan.
 *
 * Returns: %TRUE when it went in
 */
typedef gboolean (*JhClauseInsertFunc) (JhClause *clause,
                                        gboolean  as_task,
                                        gpointer  user_data);

JhClauseBrowser *jh_clause_browser_new            (GtkWindow          *parent,
                                                   JhLibrarySet       *libraries,
                                                   JhPlan             *plan);
void             jh_clause_browser_set_insert_func (JhClauseBrowser   *self,
                                                    JhClauseInsertFunc func,
                                                    gpointer           user_data,
                                                    GDestroyNotify     destroy);
void             jh_clause_browser_set_search     (JhClauseBrowser    *self,
                                                   const char         *text);
void             jh_clause_browser_set_kind       (JhClauseBrowser    *self,
                                                   int                 kind);
void             jh_clause_browser_set_status     (JhClauseBrowser    *self,
                                                   int                 status);
void             jh_clause_browser_set_tag        (JhClauseBrowser    *self,
                                                   const char         *tag);
void             jh_clause_browser_set_year       (JhClauseBrowser    *self,
                                                   guint               year);
GListModel      *jh_clause_browser_get_tags       (JhClauseBrowser    *self);
GListModel      *jh_clause_browser_get_years      (JhClauseBrowser    *self);
GListModel      *jh_clause_browser_get_results    (JhClauseBrowser    *self);
JhClause        *jh_clause_browser_get_selected   (JhClauseBrowser    *self);
void             jh_clause_browser_select         (JhClauseBrowser    *self,
                                                   guint               position);
char            *jh_clause_browser_dup_preview    (JhClauseBrowser    *self);

G_END_DECLS
