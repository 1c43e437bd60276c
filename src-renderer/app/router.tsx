import { createHashRouter } from 'react-router-dom';
import { RootLayout } from './RootLayout';
import { RouteError } from './RouteError';
import { WorkspaceChooserPage } from '../workspaces/chooser/WorkspaceChooserPage';
// Pagatore: payer accounts, history, receipts
import { PayerSignedOutOnly, RequirePayer } from '../workspaces/pagatore/layout/guards';
import { PagatoreShell } from '../workspaces/pagatore/layout/PagatoreShell';
import { PagatoreHomePage } from '../workspaces/pagatore/home/PagatoreHomePage';
import { RegisterPage } from '../workspaces/pagatore/register/RegisterPage';
import { ActivatePage } from '../workspaces/pagatore/activate/ActivatePage';
import { PayerSignInPage } from '../workspaces/pagatore/signIn/PayerSignInPage';
import { PaymentsPage } from '../workspaces/pagatore/payments/PaymentsPage';
import { PrivacyPage } from '../workspaces/pagatore/privacy/PrivacyPage';
import { EcRoot, RequireFeature, RequireSession } from '../workspaces/ec/layout/guards';
import { EcShell } from '../workspaces/ec/layout/EcShell';
import { NotFoundPage } from '../workspaces/ec/layout/NotFoundPage';
import { SetupPage } from '../workspaces/ec/setup/SetupPage';
import { SignInPage } from '../workspaces/ec/signIn/SignInPage';
import { DashboardPage } from '../workspaces/ec/dashboard/DashboardPage';
import { IbanPage } from '../workspaces/ec/iban/IbanPage';
import { StaffPage } from '../workspaces/ec/staff/StaffPage';
import { AuditPage } from '../workspaces/ec/audit/AuditPage';
import { PositionsPage } from '../workspaces/ec/positions/PositionsPage';
import { NoticeSettingsPage } from '../workspaces/ec/noticeSettings/NoticeSettingsPage';
// onboarding: stations, test activities, esercizio
import { StationsPage } from '../workspaces/ec/stations/StationsPage';
import { TestActivitiesPage } from '../workspaces/ec/testActivities/TestActivitiesPage';
import { GoLivePage } from '../workspaces/ec/environment/GoLivePage';
// onboarding: registration, API keys (part A)
import { RegistrationPage } from '../workspaces/ec/registration/RegistrationPage';
import { ApiKeysPage } from '../workspaces/ec/apiKeys/ApiKeysPage';

/**
 * Hash routes: the app is served from a custom protocol (Electron) and by the web host, and only
 * the part after '#' is the app's own. A data router, because forms block navigation when dirty.
 */
export const router = createHashRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <WorkspaceChooserPage /> },
      {
        path: 'pagatore',
        children: [
          {
            element: <PayerSignedOutOnly />,
            children: [
              { index: true, element: <PagatoreHomePage /> },
              { path: 'registrazione', element: <RegisterPage /> },
              { path: 'attivazione', element: <ActivatePage /> },
              { path: 'accedi', element: <PayerSignInPage /> },
            ],
          },
          {
            element: <RequirePayer />,
            children: [
              {
                element: <PagatoreShell />,
                children: [
                  { path: 'pagamenti', element: <PaymentsPage /> },
                  { path: 'privacy', element: <PrivacyPage /> },
                ],
              },
            ],
          },
        ],
      },
      {
        path: 'ec',
        element: <EcRoot />,
        children: [
          { path: 'setup', element: <SetupPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          {
            element: <RequireSession />,
            children: [
              {
                element: <EcShell />,
                children: [
                  { index: true, element: <DashboardPage /> },
                  { path: 'iban', element: <RequireFeature feature="iban"><IbanPage /></RequireFeature> },
                  { path: 'staff', element: <RequireFeature feature="staff"><StaffPage /></RequireFeature> },
                  { path: 'audit', element: <RequireFeature feature="audit"><AuditPage /></RequireFeature> },
                  { path: 'positions', element: <RequireFeature feature="positions"><PositionsPage /></RequireFeature> },
                  { path: 'notice-settings', element: <RequireFeature feature="noticeSettings"><NoticeSettingsPage /></RequireFeature> },
                  // onboarding: stations, test activities, esercizio
                  { path: 'stations', element: <RequireFeature feature="stations"><StationsPage /></RequireFeature> },
                  { path: 'test-activities', element: <RequireFeature feature="testActivities"><TestActivitiesPage /></RequireFeature> },
                  { path: 'environment', element: <RequireFeature feature="environment"><GoLivePage /></RequireFeature> },
                  // onboarding: registration, API keys (part A)
                  { path: 'registration', element: <RequireFeature feature="nodoRegistration"><RegistrationPage /></RequireFeature> },
                  { path: 'api-keys', element: <RequireFeature feature="apiKeys"><ApiKeysPage /></RequireFeature> },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
