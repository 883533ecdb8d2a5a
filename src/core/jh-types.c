/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jh-enum-types.h"
#include "jh-types.h"

/**
 * jh_section_kind_to_nick:
 * @kind: a section kind
 *
 * Returns: the name of @kind in plan files, such as "guiding-ideology"
 */
const char *
jh_section_kind_to_nick (JhSectionKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (JH_TYPE_SECTION_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

gboolean
jh_section_kind_from_nick (const char    *nick,
                           JhSectionKind *kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (JH_TYPE_SECTION_KIND);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

  if (value == NULL)
    return FALSE;

  *kind = value->value;

  return TRUE;
}

/**
 * jh_section_kind_get_title:
 * @kind: a section kind
 *
 * The usual heading of a section of @kind.  It is document text, which
 * stays Chinese whatever the language of the user interface.
 *
 * Returns: the heading, empty for sections that have none
 */
const char *
jh_section_kind_get_title (JhSectionKind kind)
{
  switch (kind)
    {
    case JH_SECTION_KIND_PREAMBLE:
      return "";
    case JH_SECTION_KIND_GUIDING_IDEOLOGY:
      return "指导思想";
    case JH_SECTION_KIND_GOALS:
      return "工作目标";
    case JH_SECTION_KIND_PRINCIPLES:
      return "基本原则";
    case JH_SECTION_KIND_MAIN_TASKS:
      return "主要任务";
    case JH_SECTION_KIND_SCHEDULE:
      return "时间安排";
    case JH_SECTION_KIND_SAFEGUARDS:
      return "保障措施";
    case JH_SECTION_KIND_REQUIREMENTS:
      return "工作要求";
    case JH_SECTION_KIND_ATTACHMENT:
      return "附件";
    case JH_SECTION_KIND_OTHER:
      return "";
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * jh_section_kind_get_label:
 * @kind: a section kind
 *
 * The name of a kind of section for the user interface, in its language;
 * unlike jh_section_kind_get_title(), which is document text.
 *
 * Returns: the translated name
 */
const char *
jh_section_kind_get_label (JhSectionKind kind)
{
  switch (kind)
    {
    case JH_SECTION_KIND_PREAMBLE:
      return _("Preamble");
    case JH_SECTION_KIND_GUIDING_IDEOLOGY:
      return _("Guiding Ideology");
    case JH_SECTION_KIND_GOALS:
      return _("Goals");
    case JH_SECTION_KIND_PRINCIPLES:
      return _("Principles");
    case JH_SECTION_KIND_MAIN_TASKS:
      return _("Main Tasks");
    case JH_SECTION_KIND_SCHEDULE:
      return _("Schedule");
    case JH_SECTION_KIND_SAFEGUARDS:
      return _("Safeguards");
    case JH_SECTION_KIND_REQUIREMENTS:
      return _("Requirements");
    case JH_SECTION_KIND_ATTACHMENT:
      return _("Attachment");
    case JH_SECTION_KIND_OTHER:
      return _("Other");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * jh_comparison_get_symbol:
 * @comparison: a comparison
 *
 * Returns: the comparison as a mathematical sign, such as "≥"
 */
const char *
jh_comparison_get_symbol (JhComparison comparison)
{
  switch (comparison)
    {
    case JH_COMPARISON_AT_LEAST:
      return "≥";
    case JH_COMPARISON_AT_MOST:
      return "≤";
    case JH_COMPARISON_EXACTLY:
      return "=";
    default:
      g_return_val_if_reached ("?");
    }
}
