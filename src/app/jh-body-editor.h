/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_BODY_EDITOR (jh_body_editor_get_type ())

G_DECLARE_FINAL_TYPE (JhBodyEditor, jh_body_editor, JH, BODY_EDITOR, AdwBin)

GtkWidget     *jh_body_editor_new         (void);
JhNode        *jh_body_editor_get_node    (JhBodyEditor *self);
void           jh_body_editor_set_node    (JhBodyEditor *self,
                                           JhNode       *node);
JhHistory     *jh_body_editor_get_history (JhBodyEditor *self);
void           jh_body_editor_set_history (JhBodyEditor *self,
                                           JhHistory    *history);
GtkTextBuffer *jh_body_editor_get_buffer  (JhBodyEditor *self);
GtkWidget     *jh_body_editor_get_view    (JhBodyEditor *self);
JhChecker     *jh_body_editor_get_checker (JhBodyEditor *self);
void           jh_body_editor_set_checker (JhBodyEditor *self,
                                           JhChecker    *checker);
char          *jh_body_editor_dup_flag_message (JhBodyEditor      *self,
                                                const GtkTextIter *iter);
gboolean       jh_body_editor_insert_clause (JhBodyEditor *self,
                                             JhClause     *clause,
                                             int           position);
void           jh_body_editor_complete_clause (JhBodyEditor *self,
                                               JhClause     *clause,
                                               GtkTextIter  *begin,
                                               GtkTextIter  *end);
void           jh_body_editor_select_text (JhBodyEditor *self,
                                           JhParagraph  *paragraph,
                                           glong         offset,
                                           glong         length);

G_END_DECLS
