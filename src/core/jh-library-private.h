/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-clause.h"
#include "jh-library.h"

G_BEGIN_DECLS

#define JH_BUILTIN_LIBRARY_RESOURCE "/io/github/jihua/Jihua/core/builtin.jhlib"

void _jh_clause_set_library (JhClause  *self,
                             JhLibrary *library);

G_END_DECLS
