/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-node.h"
#include "jh-paragraph.h"
#include "jh-task.h"
#include "jh-types.h"

G_BEGIN_DECLS

#define JH_TYPE_SECTION (jh_section_get_type ())

G_DECLARE_FINAL_TYPE (JhSection, jh_section, JH, SECTION, JhNode)

JhSection     *jh_section_new               (JhSectionKind  kind,
                                             const char    *title);
JhSectionKind  jh_section_get_kind          (JhSection     *self);
void           jh_section_set_kind          (JhSection     *self,
                                             JhSectionKind  kind);
const char    *jh_section_get_title         (JhSection     *self);
void           jh_section_set_title         (JhSection     *self,
                                             const char    *title);

GListModel    *jh_section_get_paragraphs    (JhSection     *self);
void           jh_section_insert_paragraph  (JhSection     *self,
                                             int            position,
                                             JhParagraph   *paragraph);
gboolean       jh_section_remove_paragraph  (JhSection     *self,
                                             JhParagraph   *paragraph);

GListModel    *jh_section_get_tasks         (JhSection     *self);
void           jh_section_insert_task       (JhSection     *self,
                                             int            position,
                                             JhTask        *task);
gboolean       jh_section_remove_task       (JhSection     *self,
                                             JhTask        *task);
gboolean       jh_section_move_task         (JhSection     *self,
                                             JhTask        *task,
                                             guint          position);

JhPlan        *jh_section_get_plan          (JhSection     *self);
gboolean       jh_section_is_numbered       (JhSection     *self);
guint          jh_section_get_number        (JhSection     *self);
char          *jh_section_dup_numbering     (JhSection     *self);

G_END_DECLS
