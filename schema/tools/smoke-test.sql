-- Smoke test: one realistic row (or a few) in every table, then every view is read.
-- Runs after all migrations on a throw-away database (H2 and PostgreSQL alike).
-- Literal ids: 1xxx organization, 2xxx users, 3xxx CRM core, 4xxx pipeline/deals,
-- 5xxx activities/notes/documents, 6xxx commerce, 7xxx calendar, 8xxx communication,
-- 9xxx projects/support/settings.

INSERT INTO users (id, email, email_lc, password_hash, first_name, last_name, full_name)
VALUES ('20000000-0000-0000-0000-000000000001', 'Ada@Example.com', 'ada@example.com', '$argon2id$v=19$m=19456,t=2,p=1$x$y', 'Ada', 'Admin', 'Ada Admin');
INSERT INTO users (id, email, email_lc, password_hash, full_name, manager_id, created_by)
VALUES ('20000000-0000-0000-0000-000000000002', 'sam@example.com', 'sam@example.com', 'h', 'Sam Sales',
        '20000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000001');

INSERT INTO organizations (id, name, slug, owner_id, size, created_by)
VALUES ('10000000-0000-0000-0000-000000000001', 'Acme Agency', 'acme', '20000000-0000-0000-0000-000000000001', '11-50',
        '20000000-0000-0000-0000-000000000001');
INSERT INTO organization_members (organization_id, user_id, role) VALUES
    ('10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000001', 'owner'),
    ('10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000002', 'member');
INSERT INTO user_roles (organization_id, user_id, role_id) VALUES
    ('10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000101'),
    ('10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000103');
INSERT INTO role_permissions (organization_id, role_id, permission_id) VALUES
    ('10000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000103', '00000000-0000-0000-0002-000003000002');
INSERT INTO refresh_tokens (id, user_id, token_hash, expires_at)
VALUES ('20000000-0000-0000-0000-000000000101', '20000000-0000-0000-0000-000000000001', 'abc123', TIMESTAMP WITH TIME ZONE '2030-01-01 00:00:00+00');

-- V2
INSERT INTO industries (id, organization_id, name) VALUES
    ('30000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000001', 'Technology');
INSERT INTO companies (id, organization_id, name, name_lc, email, email_lc, industry_id, company_size, status, owner_id)
VALUES ('30000000-0000-0000-0000-000000000101', '10000000-0000-0000-0000-000000000001', 'Tech Startup Inc', 'tech startup inc',
        'contact@techstartup.com', 'contact@techstartup.com', '30000000-0000-0000-0000-000000000001', '11-50', 'active',
        '20000000-0000-0000-0000-000000000002');
INSERT INTO companies (id, organization_id, name, name_lc, company_size, client_type)
VALUES ('30000000-0000-0000-0000-000000000102', '10000000-0000-0000-0000-000000000001', 'Event Org', 'event org', 'enterprise', 'customer');
-- one primary (primary_of_company_id set) and two non-primary contacts (NULLs must not collide)
INSERT INTO contacts (id, organization_id, company_id, first_name, last_name, full_name_lc, last_name_lc, email, email_lc,
                      phone, phone_digits, is_primary, primary_of_company_id, is_vip)
VALUES ('30000000-0000-0000-0000-000000000201', '10000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000101',
        'Grace', 'Hopper', 'grace hopper', 'hopper', 'grace@techstartup.com', 'grace@techstartup.com',
        '+1 (555) 010-2000', '15550102000', TRUE, '30000000-0000-0000-0000-000000000101', TRUE);
INSERT INTO contacts (id, organization_id, company_id, first_name, last_name, full_name_lc, last_name_lc)
VALUES ('30000000-0000-0000-0000-000000000202', '10000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000101',
        'Alan', 'Turing', 'alan turing', 'turing');
INSERT INTO contacts (id, organization_id, company_id, first_name, full_name_lc, email, email_lc)
VALUES ('30000000-0000-0000-0000-000000000203', '10000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000102',
        'Linus', 'linus', 'linus@eventorg.com', 'linus@eventorg.com');
-- a deleted contact releases its address: email_lc NULL, email kept
INSERT INTO contacts (id, organization_id, first_name, full_name_lc, email, email_lc, deleted_at)
VALUES ('30000000-0000-0000-0000-000000000204', '10000000-0000-0000-0000-000000000001', 'Old', 'old',
        'grace@techstartup.com', NULL, CURRENT_TIMESTAMP);
INSERT INTO leads (id, organization_id, first_name, last_name, full_name_lc, email, email_lc, company_name, estimated_value, owner_id)
VALUES ('30000000-0000-0000-0000-000000000301', '10000000-0000-0000-0000-000000000001', 'Kim', 'Lee', 'kim lee',
        'kim@lee.io', 'kim@lee.io', 'Lee Corp', 12000, '20000000-0000-0000-0000-000000000002');
INSERT INTO tags (id, organization_id, name) VALUES
    ('30000000-0000-0000-0000-000000000401', '10000000-0000-0000-0000-000000000001', 'VIP');
INSERT INTO entity_tags (tag_id, entity_type, entity_id, organization_id) VALUES
    ('30000000-0000-0000-0000-000000000401', 'company', '30000000-0000-0000-0000-000000000101', '10000000-0000-0000-0000-000000000001'),
    ('30000000-0000-0000-0000-000000000401', 'contact', '30000000-0000-0000-0000-000000000201', '10000000-0000-0000-0000-000000000001');
INSERT INTO custom_field_definitions (id, organization_id, entity_type, name, label, field_type, options)
VALUES ('30000000-0000-0000-0000-000000000501', '10000000-0000-0000-0000-000000000001', 'company', 'tier', 'Tier', 'choice', '["gold","silver"]');
INSERT INTO custom_field_values (id, organization_id, definition_id, entity_id, value_text)
VALUES ('30000000-0000-0000-0000-000000000601', '10000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000501',
        '30000000-0000-0000-0000-000000000101', 'gold');

-- V3
INSERT INTO pipelines (id, organization_id, name, is_default) VALUES
    ('40000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000001', 'Sales Pipeline', TRUE);
INSERT INTO pipeline_stages (id, organization_id, pipeline_id, name, position, color, default_probability, is_closed, is_won) VALUES
    ('40000000-0000-0000-0000-000000000101', '10000000-0000-0000-0000-000000000001', '40000000-0000-0000-0000-000000000001', 'Lead', 1, '#6366f1', 10, FALSE, FALSE),
    ('40000000-0000-0000-0000-000000000102', '10000000-0000-0000-0000-000000000001', '40000000-0000-0000-0000-000000000001', 'Qualified', 2, '#8b5cf6', 25, FALSE, FALSE),
    ('40000000-0000-0000-0000-000000000105', '10000000-0000-0000-0000-000000000001', '40000000-0000-0000-0000-000000000001', 'Won', 5, '#10b981', 100, TRUE, TRUE),
    ('40000000-0000-0000-0000-000000000106', '10000000-0000-0000-0000-000000000001', '40000000-0000-0000-0000-000000000001', 'Lost', 6, '#ef4444', 0, TRUE, FALSE);
INSERT INTO deals (id, organization_id, pipeline_id, stage_id, position, name, name_lc, company_id, contact_id, deal_value,
                   probability, expected_revenue, expected_close_date, owner_id, source)
VALUES ('40000000-0000-0000-0000-000000000201', '10000000-0000-0000-0000-000000000001', '40000000-0000-0000-0000-000000000001',
        '40000000-0000-0000-0000-000000000101', 1024, 'Website Redesign', 'website redesign', '30000000-0000-0000-0000-000000000101',
        '30000000-0000-0000-0000-000000000201', 45000, 10, 4500, DATE '2025-03-31', '20000000-0000-0000-0000-000000000002', 'referral');
INSERT INTO deals (id, organization_id, pipeline_id, stage_id, name, name_lc, company_id, deal_value, probability, expected_revenue,
                   status, actual_close_date, won_reason, created_at)
VALUES ('40000000-0000-0000-0000-000000000202', '10000000-0000-0000-0000-000000000001', '40000000-0000-0000-0000-000000000001',
        '40000000-0000-0000-0000-000000000105', 'Annual Summit', 'annual summit', '30000000-0000-0000-0000-000000000102',
        80000.5, 100, 80000.5, 'won', DATE '2025-02-10', 'price', TIMESTAMP WITH TIME ZONE '2025-01-01 09:00:00+00');
INSERT INTO deal_assignees (deal_id, user_id, organization_id) VALUES
    ('40000000-0000-0000-0000-000000000201', '20000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000001');
INSERT INTO deal_stage_history (id, organization_id, deal_id, from_stage_id, to_stage_id, from_stage_name, to_stage_name, changed_by,
                                duration_in_previous_seconds)
VALUES ('40000000-0000-0000-0000-000000000301', '10000000-0000-0000-0000-000000000001', '40000000-0000-0000-0000-000000000202',
        '40000000-0000-0000-0000-000000000102', '40000000-0000-0000-0000-000000000105', 'Qualified', 'Won',
        '20000000-0000-0000-0000-000000000001', 86400);
UPDATE leads SET status = 'converted', converted_at = CURRENT_TIMESTAMP, converted_company_id = '30000000-0000-0000-0000-000000000101',
                 converted_deal_id = '40000000-0000-0000-0000-000000000201', version = version + 1, updated_at = CURRENT_TIMESTAMP
 WHERE id = '30000000-0000-0000-0000-000000000301' AND version = 1;

-- V4
INSERT INTO activities (id, organization_id, type, subject, company_id, contact_id, deal_id, duration_minutes, outcome, created_by)
VALUES ('50000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000001', 'call', 'Discovery call',
        '30000000-0000-0000-0000-000000000101', '30000000-0000-0000-0000-000000000201', '40000000-0000-0000-0000-000000000201',
        30, 'connected', '20000000-0000-0000-0000-000000000002');
INSERT INTO activities (id, organization_id, type, subject, company_id, is_task, task_status, priority, due_at, assignee_id)
VALUES ('50000000-0000-0000-0000-000000000002', '10000000-0000-0000-0000-000000000001', 'task', 'Send proposal',
        '30000000-0000-0000-0000-000000000101', TRUE, 'pending', 'high', TIMESTAMP WITH TIME ZONE '2025-01-20 17:00:00+00',
        '20000000-0000-0000-0000-000000000002');
INSERT INTO activities (id, organization_id, type, subject, company_id, duration_minutes, outcome, entity_type, entity_id)
VALUES ('50000000-0000-0000-0000-000000000003', '10000000-0000-0000-0000-000000000001', 'chatbot_interaction', 'Bot answered pricing',
        '30000000-0000-0000-0000-000000000102', 3, 'success', 'company', '30000000-0000-0000-0000-000000000102');
INSERT INTO notes (id, organization_id, company_id, deal_id, title, body, note_type, is_pinned, created_by)
VALUES ('50000000-0000-0000-0000-000000000101', '10000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000101',
        '40000000-0000-0000-0000-000000000201', 'Budget', 'Budget approved in Q1', 'important', TRUE, '20000000-0000-0000-0000-000000000002');
INSERT INTO documents (id, organization_id, entity_type, entity_id, company_id, file_name, content_hash, size_bytes, mime_type,
                       document_type, is_signed, signed_at, signed_by, uploaded_by)
VALUES ('50000000-0000-0000-0000-000000000201', '10000000-0000-0000-0000-000000000001', 'deal', '40000000-0000-0000-0000-000000000201',
        '30000000-0000-0000-0000-000000000101', 'contract.pdf',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 1234, 'application/pdf', 'contract', TRUE,
        CURRENT_TIMESTAMP, '20000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000002');
INSERT INTO documents (id, organization_id, entity_type, entity_id, file_name, content_hash, size_bytes, doc_version, previous_version_id)
VALUES ('50000000-0000-0000-0000-000000000202', '10000000-0000-0000-0000-000000000001', 'deal', '40000000-0000-0000-0000-000000000201',
        'contract-v2.pdf', 'aa', 2000, 2, '50000000-0000-0000-0000-000000000201');

-- V5
INSERT INTO products (id, organization_id, name, name_lc, sku, price, tax_rate)
VALUES ('60000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000001', 'Consulting hour', 'consulting hour', 'CONS-1', 150, 20);
INSERT INTO products (id, organization_id, name, name_lc, price) VALUES
    ('60000000-0000-0000-0000-000000000002', '10000000-0000-0000-0000-000000000001', 'No SKU A', 'no sku a', 1),
    ('60000000-0000-0000-0000-000000000003', '10000000-0000-0000-0000-000000000001', 'No SKU B', 'no sku b', 2);
INSERT INTO deal_products (id, organization_id, deal_id, product_id, quantity, unit_price, line_total)
VALUES ('60000000-0000-0000-0000-000000000101', '10000000-0000-0000-0000-000000000001', '40000000-0000-0000-0000-000000000201',
        '60000000-0000-0000-0000-000000000001', 10, 150, 1500);
INSERT INTO orders (id, organization_id, order_number, company_id, status, subtotal, total, order_date)
VALUES ('60000000-0000-0000-0000-000000000201', '10000000-0000-0000-0000-000000000001', 'ORD-2025-0001',
        '30000000-0000-0000-0000-000000000101', 'delivered', 300, 300, TIMESTAMP WITH TIME ZONE '2025-01-10 12:00:00+00');
INSERT INTO order_items (id, organization_id, order_id, product_id, quantity, unit_price, total)
VALUES ('60000000-0000-0000-0000-000000000301', '10000000-0000-0000-0000-000000000001', '60000000-0000-0000-0000-000000000201',
        '60000000-0000-0000-0000-000000000001', 2, 150, 300);
INSERT INTO invoice_number_series (organization_id, prefix, series_year, next_value)
VALUES ('10000000-0000-0000-0000-000000000001', 'INV', 2025, 2);
-- two drafts without a number (NULLs are distinct) and one issued invoice
INSERT INTO invoices (id, organization_id, company_id, due_date) VALUES
    ('60000000-0000-0000-0000-000000000401', '10000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000101', DATE '2099-01-01'),
    ('60000000-0000-0000-0000-000000000402', '10000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000102', DATE '2099-01-01');
INSERT INTO invoices (id, organization_id, invoice_number, series_prefix, series_year, company_id, deal_id, status, issue_date, due_date,
                      subtotal, tax_total, total, amount_paid, balance_due, payment_method)
VALUES ('60000000-0000-0000-0000-000000000403', '10000000-0000-0000-0000-000000000001', 'INV-2025-0001', 'INV', 2025,
        '30000000-0000-0000-0000-000000000101', '40000000-0000-0000-0000-000000000201', 'partially_paid', DATE '2025-01-05',
        DATE '2025-02-04', 1500, 300, 1800, 800, 1000, 'card');
INSERT INTO invoice_items (id, organization_id, invoice_id, product_id, description, quantity, unit_price, tax_rate, line_subtotal,
                           line_tax, line_total, position)
VALUES ('60000000-0000-0000-0000-000000000501', '10000000-0000-0000-0000-000000000001', '60000000-0000-0000-0000-000000000403',
        '60000000-0000-0000-0000-000000000001', 'Consulting', 10, 150, 20.0000, 1500, 300, 1800, 1);
INSERT INTO payments (id, organization_id, invoice_id, company_id, amount, method, payment_date, reference_number)
VALUES ('60000000-0000-0000-0000-000000000601', '10000000-0000-0000-0000-000000000001', '60000000-0000-0000-0000-000000000403',
        '30000000-0000-0000-0000-000000000101', 800, 'card', DATE '2025-01-15', 'ch_123');
INSERT INTO transactions (id, organization_id, invoice_id, payment_id, company_id, amount, status, payment_gateway)
VALUES ('60000000-0000-0000-0000-000000000701', '10000000-0000-0000-0000-000000000001', '60000000-0000-0000-0000-000000000403',
        '60000000-0000-0000-0000-000000000601', '30000000-0000-0000-0000-000000000101', 800, 'completed', 'manual');

-- V6
INSERT INTO calendars (id, organization_id, owner_id, name, is_default)
VALUES ('70000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000002', 'Sam', TRUE);
INSERT INTO calendar_shares (calendar_id, user_id, organization_id, permission)
VALUES ('70000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000001', 'edit');
INSERT INTO booking_types (id, organization_id, owner_id, name, slug, duration_minutes, questions)
VALUES ('70000000-0000-0000-0000-000000000101', '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000002',
        'Intro call', 'intro', 30, '[{"key":"topic","label":"Topic","type":"text","required":true}]');
INSERT INTO events (id, organization_id, calendar_id, owner_id, title, starts_at, ends_at, recurrence_rule, ical_uid, contact_id)
VALUES ('70000000-0000-0000-0000-000000000201', '10000000-0000-0000-0000-000000000001', '70000000-0000-0000-0000-000000000001',
        '20000000-0000-0000-0000-000000000002', 'Weekly sync', TIMESTAMP WITH TIME ZONE '2025-01-06 09:00:00+00',
        TIMESTAMP WITH TIME ZONE '2025-01-06 09:30:00+00', 'FREQ=WEEKLY;BYDAY=MO', 'uid-1@deskcrm', '30000000-0000-0000-0000-000000000201');
INSERT INTO events (id, organization_id, calendar_id, title, starts_at, ends_at, status, recurrence_parent_id, original_start, ical_uid)
VALUES ('70000000-0000-0000-0000-000000000202', '10000000-0000-0000-0000-000000000001', '70000000-0000-0000-0000-000000000001',
        'Weekly sync', TIMESTAMP WITH TIME ZONE '2025-01-13 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-13 09:30:00+00', 'cancelled',
        '70000000-0000-0000-0000-000000000201', TIMESTAMP WITH TIME ZONE '2025-01-13 09:00:00+00', 'uid-1@deskcrm');
INSERT INTO events (id, organization_id, calendar_id, title, starts_at, ends_at, booking_type_id, guest_name, guest_email, answers)
VALUES ('70000000-0000-0000-0000-000000000203', '10000000-0000-0000-0000-000000000001', '70000000-0000-0000-0000-000000000001',
        'Intro call', TIMESTAMP WITH TIME ZONE '2025-01-07 15:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-07 15:30:00+00',
        '70000000-0000-0000-0000-000000000101', 'Guest', 'guest@example.org', '{"topic":"pricing"}');
UPDATE deals SET event_id = '70000000-0000-0000-0000-000000000203' WHERE id = '40000000-0000-0000-0000-000000000202';
INSERT INTO event_attendees (id, organization_id, event_id, contact_id, email, name, response_status)
VALUES ('70000000-0000-0000-0000-000000000301', '10000000-0000-0000-0000-000000000001', '70000000-0000-0000-0000-000000000201',
        '30000000-0000-0000-0000-000000000201', 'grace@techstartup.com', 'Grace Hopper', 'accepted');
INSERT INTO event_reminders (id, organization_id, event_id, minutes_before, remind_at)
VALUES ('70000000-0000-0000-0000-000000000401', '10000000-0000-0000-0000-000000000001', '70000000-0000-0000-0000-000000000201',
        15, TIMESTAMP WITH TIME ZONE '2025-01-06 08:45:00+00');
INSERT INTO availability_rules (id, organization_id, owner_id, weekday, start_time, end_time, timezone)
VALUES ('70000000-0000-0000-0000-000000000501', '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000002',
        1, TIME '09:00:00', TIME '17:00:00', 'Europe/Paris');
INSERT INTO availability_exceptions (id, organization_id, owner_id, exception_date, reason)
VALUES ('70000000-0000-0000-0000-000000000601', '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000002',
        DATE '2025-12-25', 'Holiday');
INSERT INTO booking_settings (id, organization_id, owner_id, booking_page_title)
VALUES ('70000000-0000-0000-0000-000000000701', '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000002', 'Book Sam');
INSERT INTO calendar_sync_logs (id, organization_id, calendar_id, sync_type, status, events_synced)
VALUES ('70000000-0000-0000-0000-000000000801', '10000000-0000-0000-0000-000000000001', '70000000-0000-0000-0000-000000000001', 'pull', 'success', 3);

-- V7
INSERT INTO email_templates (id, organization_id, name, category, subject, body_html, variables)
VALUES ('80000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000001', 'Welcome', 'welcome', 'Welcome {{contact_name}}',
        '<p>Hi {{contact_name}}</p>', '[{"name":"contact_name","description":"Contact first name"}]');
INSERT INTO notifications (id, organization_id, user_id, type, title, link_entity_type, link_entity_id)
VALUES ('80000000-0000-0000-0000-000000000101', '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000002',
        'success', 'Deal won', 'deal', '40000000-0000-0000-0000-000000000202');
INSERT INTO chat_channels (id, organization_id, name, platform, platform_channel_id)
VALUES ('80000000-0000-0000-0000-000000000201', '10000000-0000-0000-0000-000000000001', 'Local inbox', 'local', 'local-1');
INSERT INTO chat_channels (id, organization_id, name, platform) VALUES
    ('80000000-0000-0000-0000-000000000202', '10000000-0000-0000-0000-000000000001', 'Mail A', 'email'),
    ('80000000-0000-0000-0000-000000000203', '10000000-0000-0000-0000-000000000001', 'Mail B', 'email');
INSERT INTO bot_configs (id, organization_id, channel_id)
VALUES ('80000000-0000-0000-0000-000000000301', '10000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000000201');
INSERT INTO ai_agents (id, organization_id, channel_id, agent_key, name, system_prompt)
VALUES ('80000000-0000-0000-0000-000000000401', '10000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000000201',
        'main_sales_agent', 'Sales agent', 'You answer pricing questions.');
INSERT INTO content_collections (id, organization_id, channel_id, collection_key, name, items)
VALUES ('80000000-0000-0000-0000-000000000501', '10000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000000201',
        'faq', 'FAQ', '["We open at 9","Prices start at 100"]');
INSERT INTO keyword_actions (id, organization_id, channel_id, keyword, action_type)
VALUES ('80000000-0000-0000-0000-000000000601', '10000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000000201',
        'stop bot', 'DISABLE_AI');
INSERT INTO chat_contacts (id, organization_id, channel_id, platform, platform_user_id, name, contact_id, company_id, unread_count)
VALUES ('80000000-0000-0000-0000-000000000701', '10000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000000201',
        'local', 'u-42', 'Linus', '30000000-0000-0000-0000-000000000203', '30000000-0000-0000-0000-000000000102', 1);
INSERT INTO chat_messages (id, organization_id, channel_id, chat_contact_id, sender_type, text_content, sent_at)
VALUES ('80000000-0000-0000-0000-000000000801', '10000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000000201',
        '80000000-0000-0000-0000-000000000701', 'user', 'How much?', TIMESTAMP WITH TIME ZONE '2025-01-08 10:00:00+00'),
       ('80000000-0000-0000-0000-000000000802', '10000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000000201',
        '80000000-0000-0000-0000-000000000701', 'ai', 'Prices start at 100', TIMESTAMP WITH TIME ZONE '2025-01-08 10:00:05+00');
UPDATE activities SET message_id = '80000000-0000-0000-0000-000000000802' WHERE id = '50000000-0000-0000-0000-000000000003';
INSERT INTO ai_conversations (id, organization_id, agent_id, chat_contact_id)
VALUES ('80000000-0000-0000-0000-000000000901', '10000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000000401',
        '80000000-0000-0000-0000-000000000701');
INSERT INTO ai_messages (id, organization_id, conversation_id, role, content, tokens_used, cost)
VALUES ('80000000-0000-0000-0000-000000000902', '10000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000000901',
        'assistant', 'Prices start at 100', 12, 0.000150);
INSERT INTO templates (id, organization_id, name, type, html_content)
VALUES ('80000000-0000-0000-0000-000000001001', '10000000-0000-0000-0000-000000000001', 'Invoice classic', 'invoice', '<html></html>');
INSERT INTO assets (id, organization_id, file_name, size_bytes, content_hash, folder)
VALUES ('80000000-0000-0000-0000-000000001101', '10000000-0000-0000-0000-000000000001', 'logo.png', 2048, 'bb', 'brand');
INSERT INTO campaigns (id, organization_id, name, channel, subject, email_template_id, status)
VALUES ('80000000-0000-0000-0000-000000001201', '10000000-0000-0000-0000-000000000001', 'January news', 'email', 'News',
        '80000000-0000-0000-0000-000000000001', 'draft');
INSERT INTO campaign_recipients (id, organization_id, campaign_id, contact_id, address)
VALUES ('80000000-0000-0000-0000-000000001301', '10000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000001201',
        '30000000-0000-0000-0000-000000000201', 'grace@techstartup.com');
INSERT INTO forms (id, organization_id, name, slug, fields)
VALUES ('80000000-0000-0000-0000-000000001401', '10000000-0000-0000-0000-000000000001', 'Contact us', 'contact-us', '[{"name":"email"}]');
INSERT INTO form_submissions (id, organization_id, form_id, contact_id, data, utm_source)
VALUES ('80000000-0000-0000-0000-000000001501', '10000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000001401',
        '30000000-0000-0000-0000-000000000201', '{"email":"grace@techstartup.com"}', 'newsletter');
INSERT INTO automations (id, organization_id, name, trigger_type, actions)
VALUES ('80000000-0000-0000-0000-000000001601', '10000000-0000-0000-0000-000000000001', 'Welcome mail', 'contact_created',
        '[{"action":"send_email","template":"Welcome"}]');
INSERT INTO automation_runs (id, organization_id, automation_id, contact_id, status, actions_completed)
VALUES ('80000000-0000-0000-0000-000000001701', '10000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000001601',
        '30000000-0000-0000-0000-000000000201', 'completed', 1);
INSERT INTO integrations (id, organization_id, name, provider, status)
VALUES ('80000000-0000-0000-0000-000000001801', '10000000-0000-0000-0000-000000000001', 'Office SMTP', 'smtp', 'active');
INSERT INTO integration_logs (id, organization_id, integration_id, action, status)
VALUES ('80000000-0000-0000-0000-000000001901', '10000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000001801',
        'send_email', 'success');

-- V8
INSERT INTO projects (id, organization_id, company_id, name, name_lc, budget, actual_cost, owner_id, start_date, end_date)
VALUES ('90000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000101',
        'Redesign delivery', 'redesign delivery', 20000, 5000, '20000000-0000-0000-0000-000000000001', DATE '2025-02-01', DATE '2025-04-30');
INSERT INTO activities (id, organization_id, type, subject, project_id, is_task, task_status, estimated_hours, actual_hours, assignee_id)
VALUES ('90000000-0000-0000-0000-000000000101', '10000000-0000-0000-0000-000000000001', 'task', 'Wireframes',
        '90000000-0000-0000-0000-000000000001', TRUE, 'in_progress', 16, 6.5, '20000000-0000-0000-0000-000000000002');
INSERT INTO timesheets (id, organization_id, user_id, project_id, task_id, work_date, hours, status, approved_by, approved_at)
VALUES ('90000000-0000-0000-0000-000000000201', '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000002',
        '90000000-0000-0000-0000-000000000001', '90000000-0000-0000-0000-000000000101', DATE '2025-02-03', 6.5, 'approved',
        '20000000-0000-0000-0000-000000000001', CURRENT_TIMESTAMP);
UPDATE invoices SET project_id = '90000000-0000-0000-0000-000000000001' WHERE id = '60000000-0000-0000-0000-000000000403';
INSERT INTO tickets (id, organization_id, ticket_number, company_id, contact_id, subject, description, priority, category, channel, assignee_id)
VALUES ('90000000-0000-0000-0000-000000000301', '10000000-0000-0000-0000-000000000001', 'TKT-2025-0001',
        '30000000-0000-0000-0000-000000000101', '30000000-0000-0000-0000-000000000201', 'Login broken', 'Cannot log in', 'urgent',
        'bug', 'email', '20000000-0000-0000-0000-000000000001');
INSERT INTO ticket_comments (id, organization_id, ticket_id, author_id, body, is_internal)
VALUES ('90000000-0000-0000-0000-000000000401', '10000000-0000-0000-0000-000000000001', '90000000-0000-0000-0000-000000000301',
        '20000000-0000-0000-0000-000000000001', 'Looking into it', FALSE);

-- V9
INSERT INTO audit_log (id, organization_id, user_id, table_name, record_id, action, old_values, new_values, changed_fields)
VALUES ('90000000-0000-0000-0000-000000000501', '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000001',
        'deals', '40000000-0000-0000-0000-000000000202', 'update', '{"status":"open"}', '{"status":"won"}', '["status"]');
INSERT INTO audit_log (id, table_name, action) VALUES ('90000000-0000-0000-0000-000000000502', 'users', 'login_failed');
-- the same key at organization level and at user level
INSERT INTO settings (id, organization_id, user_id, scope_id, setting_key, setting_value) VALUES
    ('90000000-0000-0000-0000-000000000601', '10000000-0000-0000-0000-000000000001', NULL,
     '10000000-0000-0000-0000-000000000001', 'ui.theme', 'light'),
    ('90000000-0000-0000-0000-000000000602', '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000002',
     '20000000-0000-0000-0000-000000000002', 'ui.theme', 'dark');
INSERT INTO saved_views (id, organization_id, user_id, entity, name, definition)
VALUES ('90000000-0000-0000-0000-000000000701', '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000002',
        'deals', 'My open deals', '{"filters":[{"field":"status","op":"eq","value":"open"}]}');
INSERT INTO login_attempts (id, user_id, email_lc, succeeded, failure_reason) VALUES
    ('90000000-0000-0000-0000-000000000801', '20000000-0000-0000-0000-000000000002', 'sam@example.com', FALSE, 'bad_password'),
    ('90000000-0000-0000-0000-000000000802', '20000000-0000-0000-0000-000000000002', 'sam@example.com', TRUE, NULL);

-- every view must be readable
SELECT COUNT(*) FROM analytics_deal_metrics;
SELECT COUNT(*) FROM pipeline_stage_totals;
SELECT COUNT(*) FROM analytics_win_rate;
SELECT COUNT(*) FROM analytics_client_metrics;
SELECT COUNT(*) FROM analytics_conversion_funnel;
SELECT COUNT(*) FROM analytics_revenue_metrics;
SELECT COUNT(*) FROM analytics_chatbot_effectiveness;
SELECT COUNT(*) FROM analytics_channel_performance;
SELECT COUNT(*) FROM analytics_dashboard_summary;
SELECT COUNT(*) FROM lead_conversion_funnel;
SELECT COUNT(*) FROM project_profitability;
