/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_CLAUSE_COMPLETION (jh_clause_completion_get_type ())

G_DECLARE_FINAL_TYPE (JhClauseCompletion, jh_clause_completion, JH, CLAUSE_COMPLETION, GObject)

/**
 * JhClauseCompletionFunc:
 * @clause: the clause chosen
 * @begin: where the words it completes start
 * @end: where they end
 * @user_data: the data given with the function
 *
 * Puts @clause in place of the text from @begin to @end.
 */
typedef void (*JhClauseCompletionFunc) (JhClause    *clause,
                                        GtkTextIter *begin,
                                        GtkTextIter *end,
                                        gpointer     user_data);

JhClauseCompletion *jh_clause_completion_new           (JhClauseCompletionFunc  func,
                                                        gpointer                user_data);
void                jh_clause_completion_set_libraries (JhClauseCompletion     *self,
                                                        JhLibrarySet           *libraries);
GListModel         *jh_clause_completion_find          (JhClauseCompletion     *self,
                                                        const char             *typed);
JhClause           *jh_clause_completion_get_proposal_clause (GtkSourceCompletionProposal *proposal);

G_END_DECLS
