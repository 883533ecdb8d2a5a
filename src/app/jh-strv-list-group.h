/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JH_TYPE_STRV_LIST_GROUP (jh_strv_list_group_get_type ())

G_DECLARE_DERIVABLE_TYPE (JhStrvListGroup, jh_strv_list_group, JH, STRV_LIST_GROUP, AdwPreferencesGroup)

/**
 * JhStrvListGroupClass:
 * @describe_row: sets up the row showing @value (its title is @value
 *   unless changed) and returns the label of its remove button, which
 *   names what the button takes off the list
 */
struct _JhStrvListGroupClass
{
  AdwPreferencesGroupClass parent_class;

  char *(*describe_row) (JhStrvListGroup *self,
                         AdwActionRow    *row,
                         const char      *value);
};

GSettings  *jh_strv_list_group_get_settings (JhStrvListGroup *self);
const char *jh_strv_list_group_get_key      (JhStrvListGroup *self);
gboolean    jh_strv_list_group_contains     (JhStrvListGroup *self,
                                             const char      *value);
gboolean    jh_strv_list_group_append       (JhStrvListGroup *self,
                                             const char      *value);
void        jh_strv_list_group_add_footer   (JhStrvListGroup *self,
                                             GtkWidget       *row);

G_END_DECLS
