/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-plan.h"

G_BEGIN_DECLS

/**
 * JhTemplateInfo:
 * @name: the template's name, as jihua-cli takes it
 * @title: what it is, translated
 *
 * One of the built-in templates.
 */
typedef struct
{
  const char *name;
  const char *title;
} JhTemplateInfo;

GPtrArray *jh_templates_list         (void);
JhPlan    *jh_plan_new_blank         (guint        year);
JhPlan    *jh_template_instantiate   (const char  *name,
                                      guint        year,
                                      const char  *organization,
                                      GError     **error);
JhPlan    *jh_plan_carry_over        (JhPlan      *plan,
                                      const char  *source,
                                      GError     **error);

G_END_DECLS
