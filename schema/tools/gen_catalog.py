#!/usr/bin/env python3
"""Generates V10__seed_defaults.sql and the role/permission matrix section of SEED-MAPPING.md
from one table, so the shipped catalog and the documented bootstrap matrix cannot drift.
Usage: python3 tools/gen_catalog.py sql > src/main/resources/db/migration/common/V10__seed_defaults.sql
       python3 tools/gen_catalog.py matrix   (markdown, pasted into SEED-MAPPING.md)
       python3 tools/gen_catalog.py catalog  (markdown list of permission ids)"""
import sys

ACTIONS = ['create', 'read', 'update', 'delete', 'export', 'import', 'approve', 'manage_stages']
CODE = {'C': 'create', 'R': 'read', 'U': 'update', 'D': 'delete', 'E': 'export', 'I': 'import',
        'A': 'approve', 'M': 'manage_stages'}

ROLES = [  # (uuid suffix, name, description)
    (101, 'admin',   'Full access to the organization, its members, roles and settings'),
    (102, 'manager', 'Team and pipeline management; sees the records of the users who report to them'),
    (103, 'sales',   'Leads, companies, contacts and deals they own or that are unassigned'),
    (104, 'support', 'Tickets, customer conversations and calendars'),
    (105, 'finance', 'Products, orders, invoicing and payments'),
    (106, 'viewer',  'Read-only access'),
]

# resource -> (number, catalog actions, {role: letters}); admin always gets every action.
R = [
    ('organizations',   1, 'CRUD',    dict(manager='R', sales='R', support='R', finance='R', viewer='R')),
    ('users',           2, 'CRUD',    dict(manager='R', sales='R', support='R', finance='R', viewer='R')),
    ('companies',       3, 'CRUDEI',  dict(manager='CRUDEI', sales='CRU', support='RU', finance='RU', viewer='R')),
    ('contacts',        4, 'CRUDEI',  dict(manager='CRUDEI', sales='CRU', support='RU', finance='R', viewer='R')),
    ('leads',           5, 'CRUDEI',  dict(manager='CRUDEI', sales='CRU', support='R', finance='', viewer='R')),
    ('deals',           6, 'CRUDEI',  dict(manager='CRUDEI', sales='CRU', support='R', finance='R', viewer='R')),
    ('pipelines',       7, 'CRUDM',   dict(manager='CRUDM', sales='R', support='R', finance='R', viewer='R')),
    ('pipeline_stages', 8, 'CRUD',    dict(manager='CRUD', sales='R', support='R', finance='R', viewer='R')),
    ('activities',      9, 'CRUDE',   dict(manager='CRUDE', sales='CRU', support='CRU', finance='CR', viewer='R')),
    ('notes',          10, 'CRUD',    dict(manager='CRUD', sales='CRU', support='CRU', finance='CRU', viewer='R')),
    ('documents',      11, 'CRUDE',   dict(manager='CRUDE', sales='CRU', support='CRU', finance='CRU', viewer='R')),
    ('products',       12, 'CRUDEI',  dict(manager='CRUDEI', sales='R', support='R', finance='CRUDEI', viewer='R')),
    ('orders',         13, 'CRUDEI',  dict(manager='CRUDE', sales='CRU', support='R', finance='CRUDEI', viewer='R')),
    ('invoices',       14, 'CRUDEA',  dict(manager='RE', sales='R', support='R', finance='CRUDEA', viewer='R')),
    ('payments',       15, 'CRUDE',   dict(manager='R', sales='', support='', finance='CRUDE', viewer='R')),
    ('calendars',      16, 'CRUD',    dict(manager='CRUD', sales='CRUD', support='CRUD', finance='CRUD', viewer='R')),
    ('events',         17, 'CRUDEI',  dict(manager='CRUDEI', sales='CRUDEI', support='CRUDEI', finance='CRUD', viewer='R')),
    ('booking_types',  18, 'CRUD',    dict(manager='CRUD', sales='CRUD', support='CRUD', finance='R', viewer='R')),
    ('email_templates',19, 'CRUD',    dict(manager='CRUD', sales='R', support='R', finance='R', viewer='R')),
    ('tags',           20, 'CRUD',    dict(manager='CRUD', sales='CRU', support='CRU', finance='R', viewer='R')),
    ('custom_fields',  21, 'CRUD',    dict(manager='CRU', sales='R', support='R', finance='R', viewer='R')),
    ('industries',     22, 'CRUD',    dict(manager='CRU', sales='R', support='R', finance='R', viewer='R')),
    ('audit_log',      23, 'RE',      dict(manager='R', sales='', support='', finance='R', viewer='')),
    ('settings',       24, 'RU',      dict(manager='R', sales='R', support='R', finance='R', viewer='R')),
    ('reports',        25, 'RE',      dict(manager='RE', sales='R', support='R', finance='RE', viewer='R')),
    ('tickets',        26, 'CRUDE',   dict(manager='CRUDE', sales='CR', support='CRUE', finance='R', viewer='R')),
    ('projects',       27, 'CRUDEA',  dict(manager='CRUDEA', sales='R', support='R', finance='R', viewer='R')),
    # resources beyond the brief's list, one per feature area that has its own screens
    ('timesheets',     28, 'CRUDEA',  dict(manager='CRUDEA', sales='CRU', support='CRU', finance='RE', viewer='R')),
    ('chat',           29, 'CRUD',    dict(manager='CRUD', sales='CRU', support='CRU', finance='R', viewer='R')),
    ('campaigns',      30, 'CRUDA',   dict(manager='CRUDA', sales='CR', support='R', finance='R', viewer='R')),
    ('forms',          31, 'CRUDE',   dict(manager='CRUDE', sales='R', support='R', finance='', viewer='R')),
    ('automations',    32, 'CRUD',    dict(manager='CRUD', sales='R', support='R', finance='R', viewer='R')),
    ('ai_agents',      33, 'CRUD',    dict(manager='CRUD', sales='R', support='R', finance='', viewer='R')),
    ('integrations',   34, 'CRUD',    dict(manager='R', sales='', support='', finance='', viewer='')),
    ('templates',      35, 'CRUD',    dict(manager='CRUD', sales='R', support='R', finance='R', viewer='R')),
    ('assets',         36, 'CRUD',    dict(manager='CRUD', sales='CRU', support='CR', finance='CR', viewer='R')),
    ('roles',          37, 'RU',      dict(manager='R', sales='', support='', finance='', viewer='')),
]

VERB = {'create': 'Create', 'read': 'View', 'update': 'Edit', 'delete': 'Delete', 'export': 'Export',
        'import': 'Import', 'approve': 'Approve', 'manage_stages': 'Manage the stages of'}
SPECIAL = {
    ('invoices', 'approve'): 'Issue (number), send and cancel invoices',
    ('projects', 'approve'): 'Approve or reject project timesheets',
    ('timesheets', 'approve'): 'Approve or reject timesheets of other users',
    ('campaigns', 'approve'): 'Schedule and send campaigns',
    ('pipelines', 'manage_stages'): 'Add, reorder, rename and archive pipeline stages',
    ('events', 'export'): 'Export events as iCalendar (ICS)',
    ('events', 'import'): 'Import events from iCalendar (ICS)',
    ('audit_log', 'read'): 'View the audit log',
    ('audit_log', 'export'): 'Export the audit log',
    ('reports', 'read'): 'View reports and dashboards',
    ('reports', 'export'): 'Export reports',
    ('settings', 'read'): 'View organization settings',
    ('settings', 'update'): 'Change organization settings',
    ('roles', 'read'): 'View roles and their permissions',
    ('roles', 'update'): 'Change which permissions a role grants',
    ('chat', 'create'): 'Send chat messages',
    ('chat', 'read'): 'Read chat conversations',
    ('chat', 'update'): 'Assign conversations, mark read, toggle the bot',
    ('chat', 'delete'): 'Delete chat contacts and channels',
}

def perm_id(num, action):
    return '00000000-0000-0000-0002-%06d%06d' % (num, ACTIONS.index(action) + 1)

def role_id(n):
    return '00000000-0000-0000-0000-%012d' % n

def actions_of(letters):
    return [CODE[c] for c in letters]

def desc(res, action):
    return SPECIAL.get((res, action), '%s %s' % (VERB[action], res.replace('_', ' ')))

def sql():
    out = []
    out.append("""-- =============================================================================
-- V10  Global reference data: roles and the permission catalog
-- -----------------------------------------------------------------------------
-- Fixed UUIDs so code, tests and the sync hub can refer to them:
--   roles        00000000-0000-0000-0000-000000000101 .. 106
--   permissions  00000000-0000-0000-0002-RRRRRRAAAAAA  (R = resource number,
--                A = action: 1 create, 2 read, 3 update, 4 delete, 5 export,
--                6 import, 7 approve, 8 manage_stages)
-- Organization-scoped defaults (role_permissions, default pipeline and stages,
-- industries) are created by the app with each organization: see
-- SEED-MAPPING.md "Organization bootstrap defaults".
-- Generated by schema/tools/gen_catalog.py; edit the generator, not this file.
-- =============================================================================
""")
    out.append('INSERT INTO roles (id, name, description, is_system) VALUES')
    rows = ["    ('%s', '%s', '%s', TRUE)" % (role_id(n), name, d.replace("'", "''")) for n, name, d in ROLES]
    out.append(',\n'.join(rows) + ';\n')
    for res, num, letters, _ in R:
        out.append('-- %s' % res)
        out.append('INSERT INTO permissions (id, resource, action, description) VALUES')
        rows = ["    ('%s', '%s', '%s', '%s')" % (perm_id(num, a), res, a, desc(res, a).replace("'", "''"))
                for a in actions_of(letters)]
        out.append(',\n'.join(rows) + ';\n')
    return '\n'.join(out)

def matrix():
    names = [r[1] for r in ROLES]
    lines = ['| # | resource | ' + ' | '.join(names) + ' |', '|---|---|' + '---|' * len(names)]
    for res, num, letters, grants in R:
        cells = [letters] + [grants.get(n, '') or '–' for n in names[1:]]
        lines.append('| %d | %s | %s |' % (num, res, ' | '.join(cells)))
    return '\n'.join(lines)

def catalog():
    lines = ['| permission id | resource | action |', '|---|---|---|']
    for res, num, letters, _ in R:
        for a in actions_of(letters):
            lines.append('| `%s` | %s | %s |' % (perm_id(num, a), res, a))
    return '\n'.join(lines)

def check():
    for res, num, letters, grants in R:
        for role, g in grants.items():
            assert set(g) <= set(letters), (res, role, g, letters)

if __name__ == '__main__':
    check()
    print({'sql': sql, 'matrix': matrix, 'catalog': catalog}[sys.argv[1]]())
