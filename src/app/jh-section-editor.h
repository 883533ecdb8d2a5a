/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_SECTION_EDITOR (jh_section_editor_get_type ())

G_DECLARE_FINAL_TYPE (JhSectionEditor, jh_section_editor, JH, SECTION_EDITOR, AdwBin)

GtkWidget *jh_section_editor_new         (void);
JhSection *jh_section_editor_get_section (JhSectionEditor *self);
void       jh_section_editor_set_section (JhSectionEditor *self,
                                          JhSection       *section);
JhHistory *jh_section_editor_get_history (JhSectionEditor *self);
void       jh_section_editor_set_history (JhSectionEditor *self,
                                          JhHistory       *history);

G_END_DECLS
