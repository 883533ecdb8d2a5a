/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_CLAUSE_EDIT_DIALOG (jh_clause_edit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JhClauseEditDialog, jh_clause_edit_dialog, JH, CLAUSE_EDIT_DIALOG, AdwWindow)

JhClauseEditDialog *jh_clause_edit_dialog_new (GtkWindow *parent,
                                               JhClause  *clause);

G_END_DECLS
